"""`python -m contract_tests.mutants`: see `contract_tests.mutants.cli`."""

from contract_tests.mutants.cli import main

raise SystemExit(main())
