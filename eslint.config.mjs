// typescript-eslint's type-checked recommended rules over every TypeScript file of the repository.
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        ignores: [
            "dist/**",
            "docs/api/**",
            "sdk/python/**",
            "sdk/go/**",
            "**/node_modules/**",
            "**/*.js",
            "**/*.mjs",
            // An ES module project that resolves `pulumi-ververica` only once installed: its own test
            // (tests/e2e/esmExample.test.ts) compiles it against the installed package.
            "examples/esm/**",
        ],
    },
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
            // `import x = require("m")` is TypeScript's typed CommonJS import: the module object itself,
            // which the network guard patches and which internal modules without declarations need.
            "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
        },
    },
);
