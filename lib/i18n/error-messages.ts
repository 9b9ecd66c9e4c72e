/*
 * The words of the error boundary, apart from the dictionaries: the boundary runs in the browser,
 * and importing zh-CN.ts and en.ts there would send every string of the app to every visitor.
 * Both dictionaries include these.
 */
export const errorMessages = {
  "zh-CN": {
    "error.generic.title": "出了点问题",
    "error.generic.body": "请求未能完成，请稍后重试。如果问题持续，请把编号 {ref} 告诉管理员。",
    "error.retry": "重试",
  },
  en: {
    "error.generic.title": "Something went wrong",
    "error.generic.body":
      "The request could not be completed; please try again. If it keeps failing, give reference {ref} to an administrator.",
    "error.retry": "Try again",
  },
} as const;
