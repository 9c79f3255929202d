// Key figures for the start page: organisations, programmes, measures, typed links.
// params: none
CALL () { MATCH (o:Organisation) RETURN count(o) AS organisations }
CALL () { MATCH (p:Programme) RETURN count(p) AS programmes }
CALL () { MATCH (m:Measure) RETURN count(m) AS measures }
CALL () {
  MATCH ()-[r:COOPERATES_WITH|PARTICIPATES_IN|SIGNED|FUNDED_BY|PART_OF|ORGANISED_BY]->()
  RETURN count(r) AS links
}
RETURN organisations, programmes, measures, links
