"""Loading of reference data shipped with the toolkit: the characteristics registry, baselines."""
