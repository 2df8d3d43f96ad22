@echo off
rem Runs tastebot (target\tastebot.jar) on Java 25 or newer: %JAVA_HOME%\bin\java.exe when JAVA_HOME
rem is set, otherwise the java on the PATH. Build the jar first: mvnw.cmd -B -q package -DskipTests
setlocal
set "JAR=%~dp0target\tastebot.jar"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")

set "SPEC="
for /f "tokens=2 delims==" %%v in ('"%JAVA%" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do set "SPEC=%%v"
if not defined SPEC (
  echo tastebot: no Java found. Install a JDK 25 ^(for example Eclipse Temurin 25^) and set JAVA_HOME to it. 1>&2
  exit /b 2
)
set /a MAJOR=%SPEC: =% 2>nul
if %MAJOR% LSS 25 (
  echo tastebot: needs Java 25 or newer, and %JAVA% is Java %SPEC: =%. 1>&2
  echo Install a JDK 25 ^(for example Eclipse Temurin 25^) and set JAVA_HOME to it, e.g. set JAVA_HOME=C:\Program Files\Eclipse Adoptium\jdk-25 1>&2
  exit /b 2
)
if not exist "%JAR%" (
  echo tastebot: %JAR% is not built yet; build it with: mvnw.cmd -B -q package -DskipTests 1>&2
  exit /b 2
)
"%JAVA%" -XX:+ExitOnOutOfMemoryError -jar "%JAR%" %*
exit /b %ERRORLEVEL%
