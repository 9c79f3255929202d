// Shortest chain of typed links between two organisations (any direction), with evidence.
// params: $source: str, $target: str
MATCH (a:Organisation {id: $source}), (b:Organisation {id: $target})
MATCH p = shortestPath(
  (a)-[:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY*..12]-(b))
RETURN [n IN nodes(p) | {id: n.id, name: n.name, type: coalesce(n.type, n.kind),
          aliases: coalesce(n.aliases, []),
          label: CASE WHEN n:Organisation THEN 'Organisation' ELSE 'Programme' END}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r),
          docs: coalesce(r.ev_docs, []), lines: coalesce(r.ev_lines, []),
          pages: coalesce(r.ev_pages, []), quotes: coalesce(r.ev_quotes, []),
          years: coalesce(r.ev_years, [])}] AS links
