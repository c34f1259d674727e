"""``python -m unres``."""

import sys

from unres.cli import main

sys.exit(main())
