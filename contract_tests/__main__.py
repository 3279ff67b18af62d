"""`python -m contract_tests`: see `contract_tests.cli`."""

from contract_tests.cli import main

raise SystemExit(main())
