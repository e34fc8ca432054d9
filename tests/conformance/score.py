"""Scoring: how many of the oracle's lines the candidate reproduces, in order, per task.

A longest common subsequence per task (pid key), so a missing, extra or reordered line
costs what it should, while the interleaving of different tasks does not count."""
import difflib


def by_task(items):
    tasks = {}
    for key, text in items:
        tasks.setdefault(key, []).append(text)
    return tasks


def lcs_length(a, b):
    if len(a) * len(b) > 25_000_000:  # too big for the quadratic table: approximate
        return sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def lcs_score(want, got):
    """Number of oracle lines matched."""
    got_tasks = by_task(got)
    return sum(lcs_length(lines, got_tasks.get(key, [])) for key, lines in by_task(want).items())


def diff_lines(want, got, limit):
    """The first `limit` differing lines: "- " oracle only, "+ " candidate only."""
    out = []
    got_tasks = by_task(got)
    want_tasks = by_task(want)
    for key in list(want_tasks) + [k for k in got_tasks if k not in want_tasks]:
        a, b = want_tasks.get(key, []), got_tasks.get(key, [])
        prefix = f"{key} " if key else ""
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            out += [f"- {prefix}{line}" for line in a[i1:i2]]
            out += [f"+ {prefix}{line}" for line in b[j1:j2]]
            if len(out) >= limit:
                return out[:limit]
    return out
