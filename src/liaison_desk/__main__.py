from liaison_desk.entry import main

raise SystemExit(main())
