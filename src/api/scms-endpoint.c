/* scms-endpoint.c — to be written */

#include "config.h"
