/* scms-department.c — to be written */

#include "config.h"
