/* status.c: messages of the status codes, from the single X-macro list. */
#include <yuanflow.h>

static const char *const status_messages[] = {
#define YF_STATUS_MSG(name, msg) msg,
    YF_STATUS_LIST(YF_STATUS_MSG)
#undef YF_STATUS_MSG
};

YF_API const char *yf_status_string(yf_status status)
{
    if ((int)status < 0 || status >= YF_STATUS_COUNT)
        return "unknown status";
    return status_messages[status];
}
