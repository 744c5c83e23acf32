#ifndef TIES_CGSL_SHIM_H
#define TIES_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sf_exp.h>

/// GSL's generator types are C globals; Swift 6 strict concurrency rejects reading them directly.
static inline const gsl_rng_type *ties_gsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_min_fminimizer_type *ties_gsl_min_brent(void) { return gsl_min_fminimizer_brent; }

#endif
