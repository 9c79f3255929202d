"""GraphQL types, one module per type; cross references are lazy to avoid import cycles."""
