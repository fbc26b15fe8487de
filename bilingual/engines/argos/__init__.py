"""The Argos Translate engine: ``engine`` runs an installed package, ``packages`` finds, downloads,
verifies, installs and removes packages."""
