"""The command-line shell of reintegratie_core: batch work for the back office."""
