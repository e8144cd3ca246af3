import sys

from koopatlas.cli import main

sys.exit(main())
