# editor_tests.cmake — the code editor's model tests (included by tests/ui/CMakeLists.txt). No
# display: the text buffer, the diff and the saved edits have no ImGui.
add_executable(test_ui_editor
  ${CMAKE_CURRENT_LIST_DIR}/test_text_buffer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_line_diff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_saved_edits.cpp)
target_link_libraries(test_ui_editor PRIVATE loopscope_ui GTest::gtest_main)
gtest_discover_tests(test_ui_editor DISCOVERY_TIMEOUT 60)
