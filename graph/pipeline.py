"""Article flow: read -> extract -> resolve -> triples -> store."""
