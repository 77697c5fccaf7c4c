# Layout: the clipped-text detector headless (unit), and every lesson step at the supported
# window sizes without cut text (gui: renders under xvfb-run).
add_executable(test_ui_layout test_clipped_text.cpp)
target_link_libraries(test_ui_layout PRIVATE loopscope_ui GTest::gtest_main)
gtest_discover_tests(test_ui_layout DISCOVERY_TIMEOUT 60)

add_executable(test_ui_layout_lessons test_layout_lessons.cpp)
target_link_libraries(test_ui_layout_lessons PRIVATE loopscope_ui GTest::gtest_main)
gtest_discover_tests(test_ui_layout_lessons PROPERTIES LABELS layout TIMEOUT 300 DISCOVERY_TIMEOUT 60)
