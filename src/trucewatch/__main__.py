from trucewatch.cli.main import main

raise SystemExit(main())
