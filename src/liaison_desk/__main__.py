from liaison_desk.cli import main

raise SystemExit(main())
