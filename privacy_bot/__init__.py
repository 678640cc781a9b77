"""privacy-bot: the command line that ties the knowledge base, the case core and the Slack app together."""
