#!/usr/bin/env Rscript
# Writes the R answers that Outturn's ETS command-line tests compare with
# (Tests/OutturnCLITests/ETSCommandTests.swift): R forecast's ets() fitted with its defaults to
# a whole real series from ../shared/data/series, for a few fixed models, with the estimated
# parameters, log-likelihood, AIC/AICc/BIC, sigma2, and the 12 months' forecast means and
# 80/95% bounds (simulate = FALSE, R's analytic moments); under "refined", the same for the
# maximum likelihood found by restarting R's own optimisation (see refine_fit).
#
# Usage (from the package root, with ../shared beside it):
#   Rscript scripts/ets-cli-oracle.R
# Needs: apt-get install -y r-cran-forecast r-cran-jsonlite
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

cases <- list(list(id = "air_passengers", models = c("MAM", "AAA", "ANN", "MNN"), refine = "MAM"))

# R's ets() runs Nelder-Mead once from one starting point; on a 16-parameter seasonal model
# that often stops short of the maximum likelihood. For the models named in `refine`, R's own
# objective (forecast:::pegelsresid.C, the `lik` that ets() minimises) is minimised again with
# restarted Nelder-Mead from R's estimate and from a grid of starting alphas, within R's usual
# bounds, and the forecasts are made at the best point through ets(y, model = <fit>,
# use.initial.values = TRUE). Slow (minutes): it is written once, as a fixture.
refine_fit <- function(y, fit) {
  m <- frequency(y)
  comp <- fit$components  # error, trend, season, damped
  damped <- as.logical(comp[4])
  names_par <- names(fit$par)
  lik <- function(p) {
    names(p) <- names_par
    a <- p["alpha"]; b <- if ("beta" %in% names_par) p["beta"] else NULL
    g <- if ("gamma" %in% names_par) p["gamma"] else NULL
    phi <- if ("phi" %in% names_par) p["phi"] else NULL
    if (a < 1e-4 || a > 0.9999) return(Inf)
    if (!is.null(b) && (b < 1e-4 || b > a)) return(Inf)
    if (!is.null(g) && (g < 1e-4 || g > 1 - a)) return(Inf)
    if (!is.null(phi) && (phi < 0.8 || phi > 0.98)) return(Inf)
    states <- p[!(names_par %in% c("alpha", "beta", "gamma", "phi"))]
    if (comp[3] != "N") {
      s <- states[grepl("^s", names(states))]
      last <- if (comp[3] == "M") m - sum(s) else -sum(s)
      states <- c(states, s11 = last)
      if (comp[3] == "M" && any(c(s, last) <= 0)) return(Inf)
    }
    e <- forecast:::pegelsresid.C(y, m, states, comp[1], comp[2], comp[3], damped, a, b, g, phi, 3)
    if (!is.finite(e$lik)) return(Inf)
    e$lik
  }
  descend <- function(p) {
    best <- list(par = p, value = lik(p))
    for (i in 1:50) {
      r <- optim(best$par, lik, method = "Nelder-Mead", control = list(maxit = 5000, reltol = 1e-12))
      improved <- best$value - r$value
      if (r$value < best$value) best <- list(par = r$par, value = r$value)
      if (improved < 1e-8) break
    }
    best
  }
  p0 <- fit$par
  starts <- list(p0)
  for (a in c(0.1, 0.3, 0.5, 0.7, 0.9)) {
    p <- p0; p["alpha"] <- a
    if ("beta" %in% names(p)) p["beta"] <- min(0.01, a / 2)
    if ("gamma" %in% names(p)) p["gamma"] <- min(0.05, (1 - a) / 2)
    starts[[length(starts) + 1]] <- p
  }
  best <- NULL
  for (st in starts) { b <- descend(st); if (is.null(best) || b$value < best$value) best <- b }
  refined <- fit
  refined$par[] <- best$par
  states <- best$par[!(names_par %in% c("alpha", "beta", "gamma", "phi"))]
  if (comp[3] != "N") {
    s <- states[grepl("^s", names(states))]
    states <- c(states, s11 = if (comp[3] == "M") m - sum(s) else -sum(s))
  }
  refined$initstate <- states
  ets(y, model = refined, use.initial.values = TRUE)
}

describe <- function(fit) {
  fc <- forecast(fit, h = 12, level = c(80, 95), simulate = FALSE)
  list(
    model = fit$method, parameters = as.list(fit$par), sigma2 = fit$sigma2,
    loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
    mean = as.numeric(fc$mean),
    lower_80 = as.numeric(fc$lower[, 1]), upper_80 = as.numeric(fc$upper[, 1]),
    lower_95 = as.numeric(fc$lower[, 2]), upper_95 = as.numeric(fc$upper[, 2]))
}
out_dir <- file.path("Tests", "Fixtures", "ets-cli")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

for (case in cases) {
  rows <- read.csv(file.path("..", "shared", "data", "series", paste0(case$id, ".csv")), stringsAsFactors = FALSE)
  start <- as.integer(strsplit(rows$month[1], "-")[[1]])
  y <- ts(rows$value, start = start, frequency = 12)
  fits <- list()
  refined <- list()
  for (code in case$models) {
    fit <- ets(y, model = code, damped = FALSE)
    fits[[code]] <- describe(fit)
    if (code %in% case$refine) refined[[code]] <- describe(refine_fit(y, fit))
  }
  doc <- list(id = case$id, start = rows$month[1], end = rows$month[nrow(rows)], n = nrow(rows), fits = fits,
              refined = refined,
              software = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))))
  write(toJSON(doc, digits = I(15), auto_unbox = TRUE, pretty = TRUE), file.path(out_dir, paste0(case$id, ".json")))
  cat("wrote", case$id, "\n")
}
