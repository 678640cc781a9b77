"""The figures the product is judged by, on the development sets of ../shared/eval and our own held-out sets.

Measured the way ../shared/eval/score.py measures (top-level section of the first hit; request type and urgency
of inquiries), with the three outcomes of design.md: an answerable question counts for top-1 only when its
outcome is `answered`, and a question the policy does not answer (gold [], or labelled `partial`/`not_covered`)
counts as held back when its outcome is `partial` or `not_covered`. The held-out and blind sets in tests/data were
written by people who never saw the knowledge files, so a drop there means the matcher stopped generalising. All
but the newest (v44, v45) have been tuned on after their first score, which is in their headers; their floors only keep
the figures from falling. They are below issue 10's targets where the targets are not met: baselines, not goals.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from intake.classify import classify
from knowledge import KnowledgeBase, load_knowledge_base

HERE = Path(__file__).resolve().parent
SHARED_EVAL = HERE.parent.parent / "shared" / "eval"
QUESTION_SETS = ["heldout_questions.yaml", "blind_questions.yaml", "blind3_questions.yaml", "blind4_questions.yaml"]
INQUIRY_SETS = ["heldout_intake.yaml", "blind_intake.yaml", "blind3_intake.yaml", "blind4_intake.yaml"]
#: Blind sets v5–v7 were written blind and scored untouched (their headers), then opened for issue 10's fourth round:
#: floors at their figures after it, (top-1, top-3, held back) and (type accuracy, urgent recall, most false urgent).
OPENED_QUESTIONS = {
    "blind5_questions.yaml": (0.92, 0.96, 0.94),
    "blind6_questions.yaml": (0.94, 1.0, 0.92),
    "blind7_questions.yaml": (0.86, 0.96, 0.88),
}
OPENED_INQUIRIES = {
    "blind5_intake.yaml": (0.86, 1.0, 1),
    "blind6_intake.yaml": (0.93, 1.0, 1),
    "blind7_intake.yaml": (0.95, 1.0, 0),
}
#: Blind v8 (questions and inquiries) and triage set v9 were scored untouched (their headers), then opened for issue
#: 10's round 6, where their misses were read to find the mechanisms that failed: floors at their figures after it.
#: Inquiries before the round: v8 type 46/49, urgent 10/10, false urgent 2/39; v9 type 42/73, urgent 19/30, false
#: urgent 8/43.
#: Blind v10 was scored once when round 6 was done (figures in its headers), then opened for round 7 and tuned on
#: there (its misses read for the mechanisms that failed): inquiries before round 7 type 51/61, urgent 17/20, false
#: urgent 3/41; the floor is the figure after it, which no longer measures generalisation.
#: Blind v11 was scored once when round 7 was done, then opened for round 8: floors at the figures after it.
#: Blind v12 was scored once when round 8 was done, then read for round 9 (its floors are unchanged by it); blind v13
#: was scored once when round 9 was done, then opened for round 10; blind v14 was scored once when round 10 was done,
#: then opened for round 11: floors at the figures after it. Blind v15 was scored once when round 11 was done and has
#: not been tuned on: its floors keep that figure (top-1 62/67, top-3 67/67, held back 43/53; type 58/64, urgent
#: 18/20, false urgent 1/44). Blind v16, written at the same time, was scored once with the same code: top-1 63/73,
#: top-3 68/73, held back 43/53; type 55/63, urgent 18/20, false urgent 2/43. Both were then opened for round 12 (floors at
#: the figures after it); blind v17 was scored once when round 12 was done and has not been tuned on: top-1 62/65,
#: top-3 65/65, held back 43/55; type 53/63, urgent 19/20, false urgent 6/43. It was then opened for round 13; blind
#: v18 was scored once when round 13 was done and has not been tuned on: top-1 55/66, top-3 61/66, held back 37/53;
#: type 56/61, urgent 19/20, false urgent 2/41. It was then opened for round 14; blind v19 was scored once when round
#: 14 was done: top-1 60/68, top-3 65/68, held back 45/52; type 54/61, urgent 17/20, false urgent 4/41. It was then
#: opened for round 15; blind v20 and v21, written at the same time by two writers who saw neither each other's set
#: nor the knowledge files, were scored once when round 15 was done: v20 top-1 52/66, top-3 63/66, held back 46/54,
#: type 56/60, urgent 20/20, false urgent 2/40; v21 top-1 60/68, top-3 66/68, held back 45/53, type 51/60, urgent
#: 17/20, false urgent 1/40. Both were then opened for round 16; blind v22 and v23, written the same way, were scored
#: once when round 16 was done: v22 top-1 62/68, top-3 68/68, held back 46/55, type 56/65, urgent 14/20, false
#: urgent 0/45; v23 top-1 56/67, top-3 65/67, held back 43/53, type 56/60, urgent 18/20, false urgent 1/40. Both
#: were then opened for round 17; blind v24 and v25, written the same way, were scored once when round 17 was done:
#: v24 top-1 60/70, top-3 69/70, held back 46/55, type 58/65, urgent 18/20, false urgent 1/45; v25 top-1 56/68,
#: top-3 65/68, held back 42/54, type 55/61, urgent 19/20, false urgent 3/41. Both were then opened for round 18;
#: blind v26 and v27, written the same way, were scored once when round 18 was done: v26
#: top-1 58/68, top-3 66/68, held back 41/54, type 58/65, urgent 20/21, false urgent 0/44; v27 top-1 54/67, top-3
#: 64/67, held back 45/53, type 55/60, urgent 19/20, false urgent 2/40. Both were then opened for round 19; blind v28
#: and v29, written the same way, were scored once when round 19 was done: v28 top-1 64/67,
#: top-3 67/67, held back 39/53, type 54/61, urgent 19/20, false urgent 3/41; v29 top-1 56/67, top-3 63/67, held back
#: 46/53, type 59/62, urgent 19/20, false urgent 2/42. Both were then opened for round 20; blind v30 and v31, written
#: the same way, were scored once when round 20 was done: v30 top-1 61/68, top-3 67/68, held
#: back 43/53, type 63/66, urgent 19/20, false urgent 0/46; v31 top-1 60/67, top-3 65/67, held back 43/53, type 56/62,
#: urgent 17/20, false urgent 0/42. Both were then opened for round 21; blind v32 and v33, written the same way, were
#: scored once when round 21 was done: v32 top-1 62/67, top-3 66/67, held back 41/53, type
#: 56/63, urgent 18/20, false urgent 2/43; v33 top-1 59/68, top-3 66/68, held back 47/56, type 50/60, urgent 17/20,
#: false urgent 4/40. Both were then opened for round 22; blind v34 and v35, written the same way, were scored once
#: when round 22 was done: v34 top-1 68/71, top-3 70/71, held back 46/53, type 53/63, urgent
#: 18/20, false urgent 2/43; v35 top-1 59/65, top-3 63/65, held back 44/55, type 58/66, urgent 17/20, false urgent 3/46. Both
#: were then opened for round 23; blind v36 and v37, written the same way, were scored once when round 23 was done:
#: v36 top-1 61/69, top-3 68/69, held back 44/53, type 54/60, urgent 20/20, false urgent 3/40;
#: v37 top-1 60/66, top-3 65/66, held back 44/54, type 58/66, urgent 18/20, false urgent 3/46. Both were then opened
#: for round 24; blind v38 and v39, written the same way, were scored once when round 24 was done: v38 top-1 56/67, top-3 66/67, held back 42/53, type 61/63, urgent 20/20, false urgent 2/43; v39 top-1
#: 58/68, top-3 67/68, held back 45/52, type 56/61, urgent 18/20, false urgent 0/41. Both were then opened for round 25;
#: blind v40 and v41, written the same way, were scored once when round 25 was done: v40
#: top-1 60/67, top-3 65/67, held back 47/53, type 57/61, urgent 20/20, false urgent 1/41; v41 top-1 61/68, top-3 65/68,
#: held back 47/54, type 59/64, urgent 18/20, false urgent 3/44. Both were then opened for round 26; blind v42 and v43,
#: written the same way, were scored once when round 26 was done: v42 top-1 62/67, top-3
#: 64/67, held back 42/53, type 55/62, urgent 19/20, false urgent 2/42; v43 top-1 63/67, top-3 67/67, held back 41/53,
#: type 57/62, urgent 18/20, false urgent 0/42. Both were then opened for round 27; blind v44 and v45, written the same
#: way, were scored once when round 27 was done and have not been tuned on: v44 top-1 60/67, top-3 65/67, held back
#: 39/53, type 56/62, urgent 16/20, false urgent 1/42; v45 top-1 59/67, top-3 66/67, held back 39/53, type 58/62, urgent
#: 18/20, false urgent 3/42.
BLIND_QUESTIONS = {**OPENED_QUESTIONS, "blind8_questions.yaml": (0.86, 0.96, 0.84),
                   "blind10_questions.yaml": (0.89, 1.0, 0.86),
                   "blind11_questions.yaml": (0.9, 1.0, 0.94),
                   "blind12_questions.yaml": (0.86, 0.97, 0.83),
                   "blind13_questions.yaml": (0.86, 0.96, 0.78),
                   "blind14_questions.yaml": (0.96, 1.0, 0.9),
                   "blind15_questions.yaml": (0.96, 1.0, 0.88),
                   "blind16_questions.yaml": (0.94, 0.96, 0.83),
                   "blind17_questions.yaml": (0.96, 1.0, 0.9),
                   "blind18_questions.yaml": (0.86, 0.95, 0.77),
                   # one leak report at a vendor, answered in round 15, is partial again in round 16 (two of three
                   # writers label such reports partial)
                   "blind19_questions.yaml": (0.94, 0.98, 0.9),
                   "blind20_questions.yaml": (0.89, 0.96, 0.92),
                   "blind21_questions.yaml": (0.98, 1.0, 0.92),
                   "blind22_questions.yaml": (0.98, 1.0, 0.85),
                   "blind23_questions.yaml": (0.94, 1.0, 0.9),
                   "blind24_questions.yaml": (0.92, 1.0, 0.85),
                   "blind25_questions.yaml": (0.83, 0.97, 0.79),
                   "blind26_questions.yaml": (0.88, 0.97, 0.75),
                   "blind27_questions.yaml": (0.85, 0.97, 0.84),
                   "blind28_questions.yaml": (0.95, 1.0, 0.77),
                   "blind29_questions.yaml": (0.85, 0.94, 0.86),
                   "blind30_questions.yaml": (1.0, 1.0, 0.83),
                   "blind31_questions.yaml": (1.0, 1.0, 0.84),
                   "blind32_questions.yaml": (0.97, 0.98, 0.94),
                   "blind33_questions.yaml": (0.98, 1.0, 0.91),
                   "blind34_questions.yaml": (0.98, 1.0, 0.9),
                   "blind35_questions.yaml": (0.93, 0.98, 0.9),
                   "blind36_questions.yaml": (0.95, 0.98, 0.88),
                   "blind37_questions.yaml": (0.96, 1.0, 0.88),
                   "blind38_questions.yaml": (0.9, 1.0, 0.83),
                   "blind39_questions.yaml": (0.89, 1.0, 0.92),
                   "blind40_questions.yaml": (0.98, 0.98, 0.88),
                   "blind41_questions.yaml": (0.98, 1.0, 0.9),
                   "blind42_questions.yaml": (1.0, 1.0, 0.9),
                   "blind43_questions.yaml": (1.0, 1.0, 0.84),
                   "blind44_questions.yaml": (0.89, 0.97, 0.73),
                   "blind45_questions.yaml": (0.88, 0.98, 0.73)}
BLIND_INQUIRIES = {**OPENED_INQUIRIES, "blind8_intake.yaml": (1.0, 1.0, 0),
                   # written for triage alone, in indirect wordings
                   "blind9_intake.yaml": (0.97, 1.0, 0),
                   "blind10_intake.yaml": (1.0, 1.0, 0),
                   "blind11_intake.yaml": (0.91, 1.0, 1),
                   "blind12_intake.yaml": (0.85, 0.95, 4),
                   "blind13_intake.yaml": (0.89, 1.0, 0),
                   "blind14_intake.yaml": (0.96, 1.0, 1),
                   "blind15_intake.yaml": (1.0, 1.0, 0),
                   "blind16_intake.yaml": (0.95, 1.0, 1),
                   "blind17_intake.yaml": (0.92, 1.0, 1),
                   "blind18_intake.yaml": (0.95, 0.95, 0),
                   "blind19_intake.yaml": (1.0, 1.0, 0),
                   "blind20_intake.yaml": (1.0, 1.0, 0),
                   "blind21_intake.yaml": (1.0, 1.0, 0),
                   "blind22_intake.yaml": (1.0, 1.0, 0),
                   "blind23_intake.yaml": (0.98, 1.0, 0),
                   "blind24_intake.yaml": (0.98, 1.0, 0),
                   "blind25_intake.yaml": (0.98, 1.0, 0),
                   "blind26_intake.yaml": (0.96, 1.0, 0),
                   "blind27_intake.yaml": (0.96, 0.95, 0),
                   "blind28_intake.yaml": (0.95, 0.95, 1),
                   "blind29_intake.yaml": (0.98, 1.0, 1),
                   "blind30_intake.yaml": (0.96, 1.0, 0),
                   "blind31_intake.yaml": (0.95, 1.0, 0),
                   "blind32_intake.yaml": (0.96, 1.0, 1),
                   "blind33_intake.yaml": (0.98, 1.0, 0),
                   "blind34_intake.yaml": (0.93, 1.0, 0),
                   "blind35_intake.yaml": (0.96, 1.0, 2),
                   "blind36_intake.yaml": (0.95, 1.0, 1),
                   "blind37_intake.yaml": (0.98, 1.0, 0),
                   "blind38_intake.yaml": (1.0, 1.0, 0),
                   "blind39_intake.yaml": (0.93, 0.95, 0),
                   "blind40_intake.yaml": (1.0, 1.0, 0),
                   "blind41_intake.yaml": (1.0, 1.0, 1),
                   "blind42_intake.yaml": (1.0, 1.0, 0),
                   "blind43_intake.yaml": (1.0, 1.0, 0),
                   "blind44_intake.yaml": (0.9, 0.8, 1),
                   "blind45_intake.yaml": (0.93, 0.9, 3)}


def load(path: Path) -> list[dict]:
    if not path.exists():
        # CI lays ../shared beside the clone: there a missing set is a broken check, not a reason to skip it.
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have ../shared/eval beside the repository")
        pytest.skip(f"{path} is not here (it sits beside the repository in CI)")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def qa_figures(kb: KnowledgeBase, items: list[dict]) -> tuple[float, float, float]:
    top1 = top3 = abstained = answerable = unanswerable = 0
    for item in items:
        gold = [str(g) for g in item["gold"]]
        expected = item.get("outcome", "answered" if gold else "not_covered")
        for question in [item["q"]] if "q" in item else [item.get("ja"), item.get("en")]:
            if not question:
                continue
            answer = kb.ask(question)
            sections = [s.split(".")[0] for s in answer.sections]
            if expected == "answered":
                answerable += 1
                top1 += bool(answer.outcome == "answered" and sections and sections[0] in gold)
                top3 += any(s in gold for s in sections[:3])
            else:
                unanswerable += 1
                abstained += answer.outcome != "answered"
    return top1 / answerable, top3 / answerable, abstained / unanswerable


def intake_figures(items: list[dict]) -> tuple[float, float, int]:
    results = [(item, classify(item["text"])) for item in items]
    accuracy = sum(r.type == item["type"] for item, r in results) / len(items)
    urgent = [r.urgent for item, r in results if item["urgent"]]
    false_urgent = sum(r.urgent for item, r in results if not item["urgent"])
    return accuracy, sum(urgent) / len(urgent), false_urgent


class TestQuestions:
    """Policy Q&A: the issue's targets on the dev set, and a close bar on the held-out set."""

    def test_dev_set(self, kb: KnowledgeBase) -> None:
        top1, top3, abstain = qa_figures(kb, load(SHARED_EVAL / "dev_questions.yaml"))
        assert top1 >= 0.90 and top3 >= 0.98 and abstain >= 6 / 7, (top1, top3, abstain)

    @pytest.mark.parametrize("name", QUESTION_SETS)
    def test_held_out_sets(self, kb: KnowledgeBase, name: str) -> None:
        top1, top3, abstain = qa_figures(kb, load(HERE / "data" / name))
        assert top1 >= 0.85 and top3 >= 0.97 and abstain >= 0.70, (top1, top3, abstain)

    @pytest.mark.parametrize("name", BLIND_QUESTIONS)
    def test_blind_sets_keep_their_scores(self, kb: KnowledgeBase, name: str) -> None:
        """In process the pasted messages keep their newlines (the CLI figures in the headers flatten them, as
        score.py does), so the figures here differ by a question or two."""
        top1, top3, held_back = qa_figures(kb, load(HERE / "data" / name))
        floor1, floor3, floor_held = BLIND_QUESTIONS[name]
        assert top1 >= floor1 and top3 >= floor3 and held_back >= floor_held, (top1, top3, held_back)


class TestInquiries:
    """Triage: type accuracy, every urgent inquiry flagged, few false alarms."""

    def test_dev_set(self) -> None:
        items = load(SHARED_EVAL / "dev_intake.yaml")
        accuracy, recall, false_urgent = intake_figures(items)
        assert accuracy >= 0.90 and recall == 1.0 and false_urgent <= 1, (accuracy, recall, false_urgent)

    @pytest.mark.parametrize("name", INQUIRY_SETS)
    def test_held_out_sets(self, name: str) -> None:
        accuracy, recall, false_urgent = intake_figures(load(HERE / "data" / name))
        assert accuracy >= 0.85 and recall == 1.0 and false_urgent <= 2, (accuracy, recall, false_urgent)

    @pytest.mark.parametrize("name", BLIND_INQUIRIES)
    def test_blind_sets_keep_their_scores(self, name: str) -> None:
        accuracy, recall, false_urgent = intake_figures(load(HERE / "data" / name))
        floor_accuracy, floor_recall, most_false_urgent = BLIND_INQUIRIES[name]
        assert accuracy >= floor_accuracy and recall >= floor_recall and false_urgent <= most_false_urgent, (
            accuracy, recall, false_urgent)
