"""``python -m kalender.demo OUTDIR``: write all sample images below OUTDIR (see samples.main)."""

import sys

from kalender.demo.samples import main

sys.exit(main())
