// The Document node itself (after its facts were removed). params: $doc
MATCH (d:Document {id: $doc}) DETACH DELETE d
