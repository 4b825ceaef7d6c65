"""Chinese for strings added to the residents dialogs after the first .ts was written."""
STRINGS = {
    "EndDialog": {
        "Their open person-level hardship enrolments (disability, extreme poverty …) end on the same date.":
            "其本人名下未结束的困难群众登记（残疾、特困等）将于同日退出。",
    },
}
