# SKATER (Assunção, Neves, Câmara & Freitas 2006) as R's spdep implements it: the baseline the
# planner's number of alliances is measured against in `npm run bench -- planner` (tests/bench/planner.ts).
# The benchmark only: no test depends on R. Needs `apt-get install r-cran-spdep`.
#
# Usage: Rscript skater.R units.csv edges.csv floor out.csv
#   units.csv  code,population,x,y   (x, y: a point inside each Comune, in km)
#   edges.csv  a,b                   (shared borders, as the server's contiguity check defines them)
#   out.csv    code,group            (group 0: the Comune's connected piece never reached the floor)
#
# The neighbour list is our own adjacency (not poly2nb), so both methods see the same graph. Each
# connected piece gets its own minimum spanning tree (mstree needs a connected graph); the edge costs
# are distances between the Comuni's points (compact groups, the usual choice when only the
# population matters). skater() then cuts up to floor(population / floor) - 1 edges, keeping every
# group at the floor (crit = floor on vec.crit = population): the most groups it reaches.
suppressMessages(library(spdep))

args <- commandArgs(trailingOnly = TRUE)
units <- read.csv(args[1], colClasses = c(code = "character"))
edges <- read.csv(args[2], colClasses = c(a = "character", b = "character"))
floor_pop <- as.numeric(args[3])
out_file <- args[4]

n <- nrow(units)
index <- setNames(seq_len(n), units$code)
lists <- vector("list", n)
for (i in seq_len(n)) lists[[i]] <- integer(0)
if (nrow(edges) > 0) {
  for (k in seq_len(nrow(edges))) {
    i <- index[[edges$a[k]]]
    j <- index[[edges$b[k]]]
    lists[[i]] <- c(lists[[i]], j)
    lists[[j]] <- c(lists[[j]], i)
  }
}

group <- integer(n)
next_group <- 1L
seen <- logical(n)
for (start in seq_len(n)) {
  if (seen[start]) next
  # The connected piece of `start`, breadth first.
  piece <- start
  seen[start] <- TRUE
  head <- 1
  while (head <= length(piece)) {
    for (j in lists[[piece[head]]]) if (!seen[j]) { seen[j] <- TRUE; piece <- c(piece, j) }
    head <- head + 1
  }
  total <- sum(units$population[piece])
  if (total < floor_pop) next
  cuts <- floor(total / floor_pop) - 1
  if (length(piece) < 3 || cuts < 1) {
    group[piece] <- next_group
    next_group <- next_group + 1L
    next
  }
  local <- setNames(seq_along(piece), piece)
  nb <- lapply(piece, function(i) sort(as.integer(local[as.character(lists[[i]])])))
  class(nb) <- "nb"
  attr(nb, "region.id") <- units$code[piece]
  nb <- sym.attr.nb(nb)
  xy <- as.matrix(units[piece, c("x", "y")])
  costs <- nbcosts(nb, xy)
  lw <- nb2listw(nb, costs, style = "B")
  tree <- mstree(lw)
  result <- skater(tree[, 1:2], xy, ncuts = cuts, crit = floor_pop, vec.crit = units$population[piece])
  group[piece] <- result$groups + next_group - 1L
  next_group <- next_group + max(result$groups)
}

write.csv(data.frame(code = units$code, group = group), out_file, row.names = FALSE, quote = FALSE)
