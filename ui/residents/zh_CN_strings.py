"""Chinese for strings added to the residents dialogs after the first .ts was written."""
STRINGS = {
    "ResidentDialog": {
        "Masked for your role. Type the whole new number to replace it.":
            "按您的角色只显示脱敏号码。如需更改，请输入完整的新号码。",
    },
    "EndDialog": {
        "Their open person-level hardship enrolments (disability, extreme poverty …) end on the same date.":
            "其本人名下未结束的困难群众登记（残疾、特困等）将于同日退出。",
    },
}
