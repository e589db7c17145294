// A-REG-2 lives in src/shared (the app and the portal check the same rules on screen).
export { passwordProblems, type PasswordRule, type RuleProblem } from '../../shared/password-rules';
