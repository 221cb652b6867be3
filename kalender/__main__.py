"""Allow `python -m kalender`."""

import sys

from kalender.cli import main

sys.exit(main())
