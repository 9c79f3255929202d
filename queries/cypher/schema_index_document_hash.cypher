// Documents by content hash (the same report under another name). params: none
CREATE INDEX document_sha256 IF NOT EXISTS FOR (n:Document) ON (n.sha256)
