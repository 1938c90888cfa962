from pact_tui.cli import main

raise SystemExit(main())
