"""diplowatch: US-Russia diplomatic event monitoring."""
