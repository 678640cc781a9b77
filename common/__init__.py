"""Plain-Python building blocks shared by the policy knowledge base (`knowledge/`), the case core (`intake/`) and
the Slack layer (`bot/`), so that none of them reaches into another's internals for them:

- `common.text`: normalising what staff type (width, script, case, long vowels, Slack markup), readings,
  stems, and the `Language` of a text;
- `common.matcher`: the ranked bilingual matcher behind the policy search and the inquiry triage;
- `common.yaml_lines`: reading YAML data files with line numbers, every problem as `file:line: message`;
- `common.clock`: the one real UTC clock.
"""
