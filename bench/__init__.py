"""Council-scale benchmark: seed a large dataset, load the app, report the figures."""
