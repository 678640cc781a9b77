"""`privacy-bot demo`: the real app against an embedded Slack stand-in with a local web page (bot/demo/server.py),
so the bot can be tried without a Slack workspace, a token or the network."""
