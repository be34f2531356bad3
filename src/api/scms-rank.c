/* scms-rank.c — to be written */

#include "config.h"
