"""Chinese for the settings dialog."""
STRINGS = {
    "SettingsDialog": {
        "Settings": "设置",
        "A new language is used after the program is restarted.": "更改语言后需重新启动程序才能生效。",
        "&Language": "界面语言(&L)",
        "Office PC": "办公室电脑",
        "Field laptop": "外出笔记本",
        "This &computer is": "这台电脑是(&C)",
    },
}
