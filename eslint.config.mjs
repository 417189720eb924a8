// typescript-eslint's type-checked recommended rules over every TypeScript file of the repository.
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["dist/**", "docs/api/**", "sdk/python/**", "sdk/go/**", "examples/**/node_modules/**", "**/*.js", "**/*.mjs"] },
    eslint.configs.recommended,
    tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        linterOptions: { reportUnusedDisableDirectives: "error" },
        rules: {
            // `interface Args extends Omit<...> {}` names a type in declarations and docs, as Pulumi's SDKs do.
            "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
        },
    },
);
