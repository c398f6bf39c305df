#!/usr/bin/env python3
"""Reference implementation of the imajin rubric in plain Python, for ports to other languages.

Usage: python3 reference.py [rubric.json] [vectors.json]   (defaults: next to this package)
Checks the rubric's fingerprint and runs every parity vector; prints a JSON report and exits
0 on parity, 1 on any mismatch. Standard library only; floats are IEEE-754 doubles, as in JS.
"""
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["sfw", "suggestive", "explicit"]


def fingerprint(artifact):
    covered = {k: v for k, v in artifact.items() if k not in ("fingerprint", "$comment")}
    # Canonical JSON: sorted keys, no whitespace, UTF-8 (labels are ASCII; no non-integer
    # float in a rubric prints differently in Python and JavaScript).
    text = json.dumps(covered, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def score_frame(raw, thresholds):
    if not isinstance(raw, list) or len(raw) != 6:
        raise ValueError("wrong_count")
    for v in raw:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v:
            raise ValueError("not_a_number")
        if not 0 <= v <= 1:
            raise ValueError("out_of_range")
    pair = [0.5 if raw[i] + raw[i + 1] == 0 else raw[i] / (raw[i] + raw[i + 1]) for i in (0, 2, 4)]
    explicit, suggestive, quality = (float(p) for p in pair)
    if explicit >= thresholds["explicit"]:
        label = "explicit"
    elif suggestive >= thresholds["suggestive"]:
        label = "suggestive"
    else:
        label = "sfw"
    return {"explicit": explicit, "suggestive": suggestive, "quality": quality, "explicitness": label}


def aggregate_video(frames):
    ranks = [ORDER.index(f["explicitness"]) for f in frames]
    best = min(ranks)
    candidates = [i for i, r in enumerate(ranks) if r == best]
    if best == 0:  # sfw frames exist: highest quality, earliest on a tie
        poster = min(candidates, key=lambda i: (-frames[i]["quality"], i))
    else:  # none: least explicit, earliest on a tie
        poster = min(candidates, key=lambda i: (frames[i]["explicit"], i))
    return {
        "explicitness": ORDER[max(ranks)],
        "is_explicit": max(ranks) == 2,
        "quality_score": max(f["quality"] for f in frames),
        "poster_frame_index": poster,
    }


def check_case(case, thresholds):
    exp = case["expected"]
    if case["kind"] == "invalid":
        try:
            score_frame(case["raw_scores"], thresholds)
        except ValueError as err:
            return [] if str(err) == exp["error"] else [f"error {err}, expected {exp['error']}"]
        return ["no error"]
    if case["kind"] == "frame":
        got = score_frame(case["raw_scores"], thresholds)
        return [f"{k}: {got[k]!r} != {exp[k]!r}" for k in exp if got[k] != exp[k]]
    frames = [score_frame(raw, thresholds) for raw in case["raw_scores"]]
    problems = [] if frames == exp["frames"] else [f"frame verdicts differ: {frames!r}"]
    got = aggregate_video(frames)
    return problems + [f"{k}: {got[k]!r} != {exp[k]!r}" for k in got if got[k] != exp[k]]


def main(argv):
    rubric = json.loads(Path(argv[1] if len(argv) > 1 else HERE.parent / "rubric.json").read_text("utf-8"))
    vectors = json.loads(Path(argv[2] if len(argv) > 2 else HERE / "vectors.json").read_text("utf-8"))
    failures = []
    if fingerprint(rubric) != rubric["fingerprint"]:
        failures.append({"case": "(rubric)", "problem": f"fingerprint recomputes to {fingerprint(rubric)}"})
    if vectors["rubric_fingerprint"] != rubric["fingerprint"]:
        failures.append({"case": "(vectors)", "problem": "vectors are for another rubric"})
    for case in vectors["cases"]:
        failures += [{"case": case["name"], "problem": p} for p in check_case(case, rubric["thresholds"])]
    print(json.dumps({"ok": not failures, "cases": len(vectors["cases"]), "failures": failures}))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
