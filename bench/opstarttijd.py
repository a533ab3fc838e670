"""How long a web worker takes to start: before and after moving the heavy imports (issue 11).

    .venv/bin/python bench/opstarttijd.py [COMMIT_VOOR]      # default: fbf17c3, the commit before

Unpacks COMMIT_VOOR (``git archive``) into a temporary directory and runs, alternately with the working
tree, 7 times each: the wall time of a fresh ``python -c "from koplopers.wsgi import application; …url_patterns"``
and the cumulative ``-X importtime`` of ``koplopers.urls`` after ``django.setup()``. Prints the medians.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
PY = str(BASIS / ".venv" / "bin" / "python")
CODE_WSGI = "from koplopers.wsgi import application; from django.urls import get_resolver; get_resolver().url_patterns"
CODE_IMP = "import django; django.setup(); from koplopers.urls import urlpatterns"


def main() -> int:
    voor_commit = sys.argv[1] if len(sys.argv) > 1 else "fbf17c3"
    voor = tempfile.mkdtemp(prefix="opstarttijd-")
    archief = subprocess.run(["git", "archive", voor_commit], cwd=BASIS, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", voor], input=archief, check=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "koplopers.settings.test"}
    res = {"voor": {"wsgi": [], "urls": []}, "na": {"wsgi": [], "urls": []}}
    try:
        for _ in range(7):
            for naam, cwd in (("voor", voor), ("na", str(BASIS))):
                begin = time.perf_counter()
                subprocess.run([PY, "-c", CODE_WSGI], cwd=cwd, env=env, check=True)
                res[naam]["wsgi"].append(time.perf_counter() - begin)
                proces = subprocess.run(
                    [PY, "-X", "importtime", "-c", CODE_IMP],
                    cwd=cwd,
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                regel = [r for r in proces.stderr.splitlines() if r.rstrip().endswith("| koplopers.urls")][-1]
                res[naam]["urls"].append(int(regel.split("|")[1]) / 1e6)
    finally:
        shutil.rmtree(voor, ignore_errors=True)
    for naam, tijden in res.items():
        print(
            f"{naam} ({voor_commit if naam == 'voor' else 'werkmap'}): WSGI-app + URLconf mediaan "
            f"{statistics.median(tijden['wsgi']):.2f} s (min {min(tijden['wsgi']):.2f}); import koplopers.urls mediaan "
            f"{statistics.median(tijden['urls']):.3f} s (min {min(tijden['urls']):.3f})"
        )
    print("load average:", [round(x, 2) for x in os.getloadavg()])
    return 0


if __name__ == "__main__":
    sys.exit(main())
