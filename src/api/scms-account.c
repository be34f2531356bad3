/* scms-account.c — to be written */

#include "config.h"
