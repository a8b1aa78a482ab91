#include "judge/languages.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TEST(LanguageRegistry, DefaultRegistryHasTheRequiredLanguages) {
  auto registry = LanguageRegistry::LoadDefault();
  ASSERT_TRUE(registry) << registry.error().Describe();
  for (const char* id : {"c", "cpp", "cpp17", "python", "java", "javascript", "rust", "go",
                         "haskell", "kotlin", "pascal", "ruby", "csharp", "pypy", "bash"}) {
    EXPECT_NE(registry->Find(id), nullptr) << id;
  }
  EXPECT_EQ(registry->ForFile("x.cpp")->id, "cpp");
  EXPECT_EQ(registry->ForFile("x.py")->id, "python");
  EXPECT_EQ(registry->ForFile("Main.java")->id, "java");
  EXPECT_EQ(registry->ForFile("README"), nullptr);
  EXPECT_TRUE(registry->Find("python")->installed);
  EXPECT_EQ(registry->Find("python")->run[0], "/usr/bin/python3");
}

TEST(LanguageRegistry, ParseErrorsNameTheEntry) {
  auto unknown = LanguageRegistry::Parse("languages:\n  - id: x\n    run: [a]\n    colour: red\n",
                                         "test.yaml");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().Describe().find("unknown key 'colour'"), std::string::npos);
  auto no_run = LanguageRegistry::Parse("languages:\n  - id: x\n", "test.yaml");
  ASSERT_FALSE(no_run);
  EXPECT_NE(no_run.error().Describe().find("x.run is required"), std::string::npos);
  auto twice = LanguageRegistry::Parse("languages:\n  - {id: x, run: [a]}\n  - {id: x, run: [b]}\n",
                                       "test.yaml");
  ASSERT_FALSE(twice);
}

TEST(LanguageRegistry, PrecompiledHeadersAreListedAsIncluded) {
  auto registry = LanguageRegistry::LoadDefault();
  ASSERT_TRUE(registry) << registry.error().Describe();
  EXPECT_EQ(registry->Find("cpp")->precompiled,
            (std::vector<std::string>{"iostream", "bits/stdc++.h"}));
  EXPECT_TRUE(registry->Find("python")->precompiled.empty());
  for (const char* bad : {"/usr/include/stdio.h", "../x.h", "<iostream>"}) {
    auto parsed = LanguageRegistry::Parse(
        std::string("languages:\n  - id: x\n    run: [a]\n    precompiled: ['") + bad + "']\n",
        "test.yaml");
    ASSERT_FALSE(parsed) << bad;
    EXPECT_NE(parsed.error().Describe().find("as in #include"), std::string::npos)
        << parsed.error().Describe();
  }
}

TEST(LanguageRegistry, MissingToolchainIsReported) {
  auto registry = LanguageRegistry::Parse(
      "languages:\n  - id: nothing\n    compile: [/nonexistent/cc, '{sources}']\n"
      "    run: ['{dir}/program']\n",
      "test.yaml");
  ASSERT_TRUE(registry) << registry.error().Describe();
  EXPECT_FALSE(registry->Find("nothing")->installed);
}

TEST(ExpandCommand, FillsPlaceholders) {
  CommandValues values;
  values.sources = {"a.cpp", "b.cpp"};
  values.main = "a.cpp";
  values.dir = "/prog";
  values.class_name = "Main";
  values.memory_mib = 256;
  EXPECT_EQ(ExpandCommand({"g++", "-o", "p", "{sources}", "{main}"}, values),
            (std::vector<std::string>{"g++", "-o", "p", "a.cpp", "b.cpp", "a.cpp"}));
  EXPECT_EQ(
      ExpandCommand({"java", "-Xmx{memory_mib}m", "-cp", "{dir}", "{class}", "{stem}", "{unknown}"},
                    values),
      (std::vector<std::string>{"java", "-Xmx256m", "-cp", "/prog", "Main", "a", "{unknown}"}));
}

TEST(FindJavaMainClass, FindsTheEntryClass) {
  EXPECT_EQ(FindJavaMainClass("import java.util.*;\npublic class Greeter {\n"
                              "  public static void main(String[] a) {}\n}\n"),
            "Greeter");
  EXPECT_EQ(FindJavaMainClass("class Helper {}\nclass Solution {\n  static class Pair {}\n"
                              "  public static void main(String[] a) {}\n}\n"),
            "Solution");
  EXPECT_EQ(FindJavaMainClass("class Helper {}\nfinal class App {\n"
                              "  public static void main(String[] a) {}\n}\n"),
            "App");
}

TEST(FindJavaMainClass, CommentsAndLiteralsAreNotCode) {
  EXPECT_EQ(FindJavaMainClass("// public class Draft { public static void main(String[] a) {} }\n"
                              "/* public class Sketch {} */\n"
                              "public class Circle {\n  static String s = \"class Fake {\";\n"
                              "  public static void main(String[] a) {}\n}\n"),
            "Circle");
  EXPECT_FALSE(
      HasJavaMain("public class Area {\n  // see Solve.main(args)\n"
                  "  /* public static void main(String[] a) */\n}\n"));
  EXPECT_TRUE(HasJavaMain("class A { static public void main(String[] a) {} }"));
}

TEST(FindJavaPackage, QualifiesTheMainClass) {
  EXPECT_EQ(FindJavaPackage("// package not.this;\npackage geometry.circles;\nclass A {}\n"),
            "geometry.circles");
  EXPECT_EQ(FindJavaPackage("public class A {}\n"), "");
}

TEST(IsPascalProgram, UnitsAreNotPrograms) {
  EXPECT_FALSE(IsPascalProgram("{ shapes }\nunit Circles;\ninterface\nend."));
  EXPECT_FALSE(IsPascalProgram("(* lib *) LIBRARY x;"));
  EXPECT_TRUE(IsPascalProgram("// main\nprogram Solve;\nbegin end."));
  EXPECT_TRUE(IsPascalProgram("begin writeln(1) end."));
}

}  // namespace
}  // namespace judge
