// Shortest chain of typed links between two organisations (any direction), with evidence.
// Whole documents only (docs/reliability.md, "Whole documents during a load"): only over links and
// nodes not given only by documents of the request's view; `hidden` is `$hidden` (the
// caller drops their evidence entries).
// params: $source: str, $target: str, $hidden: [str] (queries/view.py)
MATCH (a:Organisation {id: $source}), (b:Organisation {id: $target})
MATCH p = shortestPath(
  (a)-[:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY*..12]-(b))
WHERE all(r IN relationships(p) WHERE (size($hidden) = 0 OR coalesce(size(r.ev_docs), 0) = 0
           OR any(doc IN r.ev_docs WHERE NOT doc IN $hidden)))
  AND all(n IN nodes(p) WHERE (size($hidden) = 0 OR (NOT EXISTS { (:Document)-[:MENTIONS]->(n) } AND EXISTS { (n)--() })
           OR EXISTS { (d:Document)-[:MENTIONS]->(n) WHERE NOT d.id IN $hidden }))
RETURN [n IN nodes(p) | {id: n.id, name: n.name, type: coalesce(n.type, n.kind),
          aliases: coalesce(n.aliases, []),
          label: CASE WHEN n:Organisation THEN 'Organisation' ELSE 'Programme' END}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r),
          docs: coalesce(r.ev_docs, []), lines: coalesce(r.ev_lines, []),
          pages: coalesce(r.ev_pages, []), quotes: coalesce(r.ev_quotes, []),
          years: coalesce(r.ev_years, [])}] AS links, $hidden AS hidden
