"""Save the doctor's verdicts on the zoo: `python -m xorlab.doctor.zoo` (about 30 s).

Keeps the saved verdicts of the doctor before the zoo (written by
benchmarks/doctor_zoo_before.py) and replaces those of the current doctor."""

import json

from . import VERDICTS, evaluate

data = json.loads(VERDICTS.read_text()) if VERDICTS.exists() else {}
data["doctor"] = evaluate()
VERDICTS.write_text(json.dumps(data, indent=1) + "\n")
print(f"saved {len(data['doctor'])} verdicts to {VERDICTS}")
