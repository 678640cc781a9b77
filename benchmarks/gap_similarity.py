"""The threshold at which two questions count as one (`gaps.similarity.SAME_QUESTION`), measured on invented
paraphrases: for each threshold, the share of same-language paraphrase pairs that meet it (recall) and the number of
pairs of different questions that do too (false groupings, which would serve one question the other's answer).

    .venv/bin/python benchmarks/gap_similarity.py
"""
from __future__ import annotations

from itertools import combinations

from common.text import detect_language
from gaps import SAME_QUESTION, similarity

GROUPS = {
    "fee": ["開示請求に手数料はかかる？", "開示請求って手数料取るの？", "開示の手数料はいくら？",
            "Is there a fee for a disclosure request?", "do we charge for data access requests?"],
    "isms": ["ISMS認証は取ってる？", "うちってISMS取得してますか？", "ISMSの認証はある？", "Are we ISMS certified?",
             "do we have ISMS certification"],
    "retention": ["通話録音は何日保存してる？", "通話の録音ってどれくらいの期間保存される？", "録音データの保存期間は？",
                  "How long do we keep call recordings?", "how long are call recordings retained?"],
    "office": ["会社の住所はどこ？", "本社の住所を教えて", "selfreeの所在地は？", "What is the company's postal address?",
               "where is selfree's office address"],
    "breach": ["過去に情報漏えいはあった？", "これまでに漏えい事故を起こしたことある？", "以前に個人情報の流出はありましたか",
               "Have we ever had a data breach?", "did we have any past data leaks?"],
    "cookie": ["Cookieの有効期限は？", "クッキーは何日で切れる？", "cookieの保存期間はどれくらい？",
               "How long do our cookies last?", "what is the cookie lifetime"],
}


def main() -> None:
    questions = [(group, text) for group, texts in GROUPS.items() for text in texts]
    same: list[float] = []
    different: list[float] = []
    for (group_a, a), (group_b, b) in combinations(questions, 2):
        if detect_language(a) != detect_language(b):
            continue  # a Japanese and an English wording share no words: nothing lexical can group them
        (same if group_a == group_b else different).append(similarity(a, b))
    print(f"{len(same)} same-language paraphrase pairs, {len(different)} pairs of different questions")
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7):
        recall = sum(score >= threshold for score in same) / len(same)
        false = sum(score >= threshold for score in different)
        mark = "  <- SAME_QUESTION" if threshold == SAME_QUESTION else ""
        print(f"threshold {threshold:.2f}: paraphrases grouped {recall:5.0%}, different questions grouped {false}{mark}")


if __name__ == "__main__":
    main()
