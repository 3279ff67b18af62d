"""`python -m contract_tests`: see `contract_tests.cli`."""

import sys

try:
    from contract_tests.cli import main
except KeyboardInterrupt:  # Ctrl-C while the suite's modules load: no traceback, no verdict
    print("retell-contract: INTERRUPTED before the run started (SIGINT)", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
