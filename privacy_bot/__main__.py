from privacy_bot.cli import main

raise SystemExit(main())
