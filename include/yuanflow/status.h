/*
 * yuanflow/status.h: status codes returned by every fallible function of the
 * library, paired with their messages in one X-macro list so that the two can
 * never drift apart (the SUNDIALS sundials_errors.h pattern).
 */
#ifndef YUANFLOW_STATUS_H
#define YUANFLOW_STATUS_H

/* X(name, message). YF_OK must stay first and equal to 0. */
#define YF_STATUS_LIST(X)                                                                          \
    X(YF_OK, "ok")                                                                                 \
    X(YF_ERR_NOMEM, "out of memory")                                                               \
    X(YF_ERR_ARGUMENT, "invalid argument")                                                         \
    X(YF_ERR_UNKNOWN_NAME, "unknown name")                                                         \
    X(YF_ERR_UNKNOWN_ACCOUNT, "unknown account")                                                   \
    X(YF_ERR_NOT_HOLDABLE, "instrument cannot be held by this sector")                             \
    X(YF_ERR_OVERFLOW, "amount overflows the int64 yuan range")                                    \
    X(YF_ERR_INCONSISTENT, "accounting identity violated")                                         \
    X(YF_ERR_NEGATIVE_STOCK, "stock has the wrong sign")                                           \
    X(YF_ERR_NUMERIC, "numerical fault")                                                           \
    X(YF_ERR_IO, "input/output error")

typedef enum yf_status {
#define YF_STATUS_ENUM(name, msg) name,
    YF_STATUS_LIST(YF_STATUS_ENUM)
#undef YF_STATUS_ENUM
        YF_STATUS_COUNT
} yf_status;

#endif
